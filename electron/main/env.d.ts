// Types for electron-vite's `?asset` imports (a file copied next to the main bundle, imported as its path).
/// <reference types="electron-vite/node" />
