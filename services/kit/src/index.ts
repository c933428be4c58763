export const hello = (name: string): string => `halo ${name}`;
