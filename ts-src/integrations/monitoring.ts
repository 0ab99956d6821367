import { monitoring } from '../dsl';

export const integrationHealth = monitoring({
  name: 'IntegrationHealth',
  failureRateThreshold: 0.2,
  windowMinutes: 60,
  minimumVolume: 20,
  alertEmail: 'integration-ops@example.com',
  schedule: '0 0,15,30,45 * * * ?',
});
