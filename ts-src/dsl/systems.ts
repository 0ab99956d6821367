/** How Salesforce authenticates to an external system. Secrets never live in declarations. */
export type AuthDeclaration =
  /** OAuth 2.0 client credentials: client id/secret are set on the External Credential principal. */
  | { type: 'oauthClientCredentials'; tokenUrl: string; scope?: string }
  /** OAuth 2.0 JWT bearer flow signed by a certificate in the org. */
  | {
      type: 'jwtBearer';
      tokenUrl: string;
      issuer: string;
      subject: string;
      audience: string;
      /** Developer name of the certificate (Setup > Certificate and Key Management). */
      signingCertificate: string;
    }
  /** An API key sent in a header, through a custom-protocol External Credential. */
  | { type: 'apiKeyHeader'; headerName: string }
  | { type: 'none' };

export interface CircuitBreakerPolicy {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** Seconds the circuit stays open before one half-open probe is allowed. */
  coolDownSeconds: number;
}

/**
 * An external system reached through a Named Credential of type SecuredEndpoint, linked to an
 * External Credential that holds its authentication.
 */
export interface ExternalSystemDeclaration {
  /** Developer name of the Named Credential: Apex calls `callout:<name>/...`. */
  name: string;
  label: string;
  /** Base URL, `https://` only. Paths of operations are appended to it. */
  baseUrl: string;
  auth: AuthDeclaration;
  /** Default callout timeout in seconds (1-120); an operation may override it. */
  timeoutSeconds: number;
  circuitBreaker: CircuitBreakerPolicy;
}

export const externalSystem = (declaration: ExternalSystemDeclaration) => declaration;
