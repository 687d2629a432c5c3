import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.js';

describe('secret box', () => {
  it('opens each sealed secret, again and again, and still refuses one altered or sealed under another key', () => {
    const box = createSecretBox(Buffer.alloc(32, 1));
    const sealed = box.encrypt('sk-live-123456');
    expect(box.decrypt(sealed)).toBe('sk-live-123456');
    expect(box.decrypt(sealed)).toBe('sk-live-123456');
    expect(box.encrypt('sk-live-123456')).not.toBe(sealed);

    const [format, iv, tag, ciphertext] = sealed.split(':');
    const flipped = ciphertext.startsWith('A') ? 'B' : 'A';
    const altered = [format, iv, tag, `${flipped}${ciphertext.slice(1)}`].join(':');
    expect(() => box.decrypt(altered)).toThrow(/cannot be decrypted/);
    expect(() => createSecretBox(Buffer.alloc(32, 2)).decrypt(sealed)).toThrow(/cannot be decrypted/);
    // Many secrets later (past those kept open) the first still opens.
    for (let index = 0; index < 300; index++) box.decrypt(box.encrypt(`key-${index}`));
    expect(box.decrypt(sealed)).toBe('sk-live-123456');
  });
});
