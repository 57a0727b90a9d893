// Rewrites schemas/conductrc.schema.json from the rule registry: npm run schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { conductrcSchema } from '../server/src/configSchema';

writeFileSync(join(__dirname, '..', 'schemas', 'conductrc.schema.json'), `${JSON.stringify(conductrcSchema(), null, 2)}\n`);
