import { fileURLToPath } from 'node:url';

/** Folder of the pack shipped with Strikewire: the 2023 WGA strike as of the Aug 4, 2023 meeting. */
export const WGA_2023_PACK_DIR = fileURLToPath(new URL('./wga-2023/', import.meta.url));
