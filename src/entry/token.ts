import { parseArgs } from 'node:util';
import { localSigningKey, signDevToken } from './local-identity.js';
import { regionsNamed } from '../domain/region-scope.js';
import type { Role } from '../graphql/auth.js';

const usage = `Usage: npm run token -- --role dfe-staff|tsc-staff|partner [--region "North West" ...] [--subject NAME]
(--region: a GOR region, or an RSC region such as "Lancashire & West Yorkshire")

Prints a development bearer token that the local server (npm start) accepts:
  npm run token -- --role dfe-staff
  npm run token -- --role tsc-staff --region "North West" --region London
  npm run token -- --role tsc-staff --region "Lancashire & West Yorkshire"
  npm run token -- --role partner`;

const ROLES: Role[] = ['dfe-staff', 'tsc-staff', 'partner'];

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      region: { type: 'string', multiple: true },
      subject: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
  } else if (!ROLES.includes(values.role as Role)) {
    console.error(`--role must be one of ${ROLES.join(', ')}\n\n${usage}`);
    process.exitCode = 2;
  } else if (values.role === 'tsc-staff' && !values.region?.length) {
    console.error(`tsc-staff tokens name the region(s) they may change: --region "North West"\n\n${usage}`);
    process.exitCode = 2;
  } else {
    const regions = values.region?.map((region) => region.trim());
    for (const region of regions ?? []) regionsNamed(region, '--region');
    console.log(await signDevToken(localSigningKey(), { role: values.role as Role, regions, subject: values.subject }));
  }
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exitCode = 2;
}
