export { curateRouter } from './router.js';
