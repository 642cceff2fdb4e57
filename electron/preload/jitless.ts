// Imported first by the preload and the harness shim. The page's CSP forbids eval; without this, zod
// probes `new Function` on its first parse and Chromium reports a CSP violation even though zod
// catches it and falls back to its interpreter.
import { z } from 'zod';

z.config({ jitless: true });
