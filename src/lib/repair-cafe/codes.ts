// The fixed lists of Repair Cafés the database checks, without zod, so pages can show them without
// shipping the schema library to the browser.
export const repairCategories = ['electrical', 'textile', 'bicycle', 'furniture', 'computer', 'other'] as const;
export const repairOutcomes = ['fixed', 'repairable', 'end_of_life'] as const;
