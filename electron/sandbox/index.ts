export { createSandbox, type Sandbox, type SandboxOptions } from './create-sandbox';
export { defaultScenario, defaultScenarioJson } from './default-scenario';
export { describeScenario } from './describe-scenario';
export { parseScenario, SCENARIO_DEFAULTS } from './parse-scenario';
export { DEFAULT_HTTP_STATUS_BY_CODE } from './http-status';
export { FAULT_NAMES, HTTP_FAULTS, SOCKET_FAULTS } from './parse-faults';
export type * from './scenario-types';
