// ET colours are Excel RGB longs: red in the low byte (r + g*256 + b*65536), the reverse of '#RRGGBB'.

/** '#F8CBAD' → 0xADCBF8 (11389944). */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`颜色格式不正确：${hex}（应为 #RRGGBB）`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return r + g * 256 + b * 65536;
}

/** 0xADCBF8 → '#F8CBAD'. */
export function bgrToHex(bgr: number): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
  return `#${hex(bgr & 0xff)}${hex((bgr >> 8) & 0xff)}${hex((bgr >> 16) & 0xff)}`;
}
