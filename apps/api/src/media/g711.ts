/** ITU-T G.711 expansion tables: byte → linear sample in [-1, 1). Built once, exact. */
export const MULAW_TO_FLOAT = new Float32Array(256);
export const ALAW_TO_FLOAT = new Float32Array(256);

for (let byte = 0; byte < 256; byte++) {
  const u = ~byte & 0xff;
  const mu = (((u & 0x0f) << 3) + 0x84) << ((u >> 4) & 7);
  MULAW_TO_FLOAT[byte] = (u & 0x80 ? 0x84 - mu : mu - 0x84) / 32768;

  const a = byte ^ 0x55;
  const exponent = (a >> 4) & 7;
  const mantissa = a & 0x0f;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  ALAW_TO_FLOAT[byte] = (a & 0x80 ? magnitude : -magnitude) / 32768;
}
