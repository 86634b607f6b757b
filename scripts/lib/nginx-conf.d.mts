export declare const NGINX_TEMPLATE: URL
export declare function normaliseApiUrl(value: string): string
export declare function renderNginxConf(
  values: { apiUrl?: string; listen?: string; root: string },
  template?: string,
): string
export declare function findNginx(): string | null
