export declare const contentSecurityPolicy: string
export declare const pageHeaders: Readonly<
  Record<'Content-Security-Policy' | 'X-Content-Type-Options' | 'Referrer-Policy', string>
>
export declare const apiResponseHeaders: Readonly<
  Record<'Content-Security-Policy' | 'X-Content-Type-Options' | 'Referrer-Policy', string>
>
export declare const apiMethods: readonly string[]
export declare const apiMaxBodyBytes: number
