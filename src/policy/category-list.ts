import { customCategory } from './categories/custom.js';
import { dependenciesCategory } from './categories/dependencies.js';
import { gateConfigCategory } from './categories/gate-config.js';
import { networkCategory } from './categories/network.js';
import { secretsCategory } from './categories/secrets.js';
import { sensitivePathsCategory } from './categories/sensitive-paths.js';
import { sizeCategory } from './categories/size.js';
import { testsWeakenedCategory } from './categories/tests-weakened.js';
import { workflowsCategory } from './categories/workflows.js';
import type { PolicyCategory } from './policy-category.js';

/** Every permission category, in the order findings are reported. Adding one: a file and a line. */
export const POLICY_CATEGORIES: readonly PolicyCategory[] = [
  dependenciesCategory,
  networkCategory,
  workflowsCategory,
  secretsCategory,
  testsWeakenedCategory,
  gateConfigCategory,
  sensitivePathsCategory,
  sizeCategory,
  customCategory,
];
