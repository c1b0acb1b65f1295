import days from 'chinese-days/dist/chinese-days.json';
import pkg from 'chinese-days/package.json';
import type { PackageDays } from './importYear';

/**
 * The maintained package's holiday data (chinese-days, MIT; its maintainers add each year when the State Council's
 * notice is out). Only the admin function imports this module: the data (~37 KB) is bundled there and nowhere else,
 * never in the mini-program.
 */
export const PACKAGE_DAYS: PackageDays = { holidays: days.holidays, workdays: days.workdays };

/** e.g. 'chinese-days 1.5.7': named in each draft's source and in the admin screen. */
export const PACKAGE_LABEL = `${pkg.name} ${pkg.version}`;
