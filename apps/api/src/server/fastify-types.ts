declare module "fastify" {
  interface FastifyRequest {
    /** The client's address after the trusted-proxy rule (R12); set by the first hook. */
    clientIp: string;
  }
}

export {};
