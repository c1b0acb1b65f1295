export * from './data';
export * from './workdays';
export * from './lights';
export * from './api';
export { MIN_DATE, MAX_DATE, dayNumber, weekdayOf } from './date';
