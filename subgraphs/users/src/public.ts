export { loadUsersConfig, type UsersConfig } from './config.ts';
export { startUsers, JWKS_PATH } from './service.ts';
