import * as z from 'zod';

// WeChat forbids eval / new Function, and where it returns a no-op instead of throwing, zod's
// JIT-compiled object parsers crash. zod decides per schema when the schema is created, so this
// module must run before any schema exists: it is app.ts's first import.
z.config({ jitless: true });
