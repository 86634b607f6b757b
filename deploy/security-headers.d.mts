export declare const contentSecurityPolicy: string
export declare const strictTransportSecurity: string
export declare const pageHeaders: Readonly<
  Record<
    'Content-Security-Policy' | 'X-Content-Type-Options' | 'Referrer-Policy' | 'Strict-Transport-Security',
    string
  >
>
export declare const apiResponseHeaders: Readonly<
  Record<'Content-Security-Policy' | 'X-Content-Type-Options' | 'Referrer-Policy' | 'Cache-Control', string>
>
export declare const apiMethods: readonly string[]
export declare const apiMaxBodyBytes: number
