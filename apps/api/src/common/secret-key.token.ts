/** Injection token of the deployment secret (pseudonyms, credential encryption). */
export const SECRET_KEY = Symbol('SECRET_KEY');
