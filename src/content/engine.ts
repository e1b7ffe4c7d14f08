export { analyze } from '../core/index';
