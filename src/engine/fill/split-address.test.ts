import { describe, expect, it } from 'vitest';
import { findAddress } from './split-address.js';

describe('findAddress', () => {
  it('reads the parts of US, UK and Canadian addresses written in one line', () => {
    expect(
      findAddress('ship order #W2378156 to 445 Maple Drive, Suite 394, Fort Worth, TX 76165, USA instead'),
    ).toMatchObject({
      parts: {
        line1: '445 Maple Drive',
        line2: 'Suite 394',
        city: 'Fort Worth',
        state: 'TX',
        postcode: '76165',
        country: 'USA',
      },
    });
    expect(
      findAddress('change the address on order 4410 to 27 birch lane, Portland, OR 97205. Thanks!')?.parts,
    ).toEqual({
      line1: '27 birch lane',
      city: 'Portland',
      state: 'OR',
      postcode: '97205',
    });
    // City, state and ZIP code in one piece, as US addresses are often written.
    expect(
      findAddress('his new address is 19 Pine Road, Portland OR 97205. Can you update it?')?.parts,
    ).toEqual({
      line1: '19 Pine Road',
      city: 'Portland',
      state: 'OR',
      postcode: '97205',
    });
    expect(findAddress('812 Birch Ave, Apt 3, Fort Worth TX 76165')?.parts).toEqual({
      line1: '812 Birch Ave',
      line2: 'Apt 3',
      city: 'Fort Worth',
      state: 'TX',
      postcode: '76165',
    });
    expect(findAddress('new address is Flat 3, 14 Kings Road, Brighton BN1 2PA')?.parts).toEqual({
      line2: 'Flat 3',
      line1: '14 Kings Road',
      city: 'Brighton',
      postcode: 'BN1 2PA',
    });
    expect(findAddress('it is 24 Sussex Drive, Ottawa, ON K1M 1M4, Canada')?.parts).toEqual({
      line1: '24 Sussex Drive',
      city: 'Ottawa',
      state: 'ON',
      postcode: 'K1M 1M4',
      country: 'Canada',
    });
  });

  it('finds no address in numbers followed by words that are not a street, nor in a street alone', () => {
    expect(findAddress('I have 2 kids, Tom and Anna, and 3 dogs')).toBeUndefined();
    expect(findAddress('order 12345, it is late')).toBeUndefined();
    expect(findAddress('I live at 12 Elm Street')).toBeUndefined();
  });
});
