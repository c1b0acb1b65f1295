export * from './data';
export * from './workdays';
export * from './lights';
export { MIN_DATE, MAX_DATE } from './date';
