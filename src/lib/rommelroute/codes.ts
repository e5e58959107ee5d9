// The goods a stand can sell, as the database checks them, without zod so pages can show them cheaply.
export const standGoods = ['kleding', 'boeken', 'speelgoed', 'huisraad', 'meubels', 'elektronica', 'planten', 'eten-drinken', 'anders'] as const;
