/** Jest setup for the component tests: the sa11y `toBeAccessible()` matcher (axe-core rules). */
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
