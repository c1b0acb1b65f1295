// Loads the demo data once per data folder (npm run seed -- --force reloads it).
import { seedAll } from '../functions/src/seed/seed';

seedAll({ force: process.argv.includes('--force') })
  .then((r) => console.log(r.loaded ? `✓ loaded seed data (${r.rows} rows)` : '✓ seed data already loaded'))
  .catch((e) => {
    console.error('seeding failed:', e.message);
    process.exit(1);
  });
