export { insightsRouter } from './router.js';
