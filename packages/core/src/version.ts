/** The engine's name and version, recorded in every result. */
export const ENGINE = { name: "civitas", version: "0.1.0" } as const;
