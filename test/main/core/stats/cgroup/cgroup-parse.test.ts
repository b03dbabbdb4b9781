import { describe, expect, it } from 'vitest';
import {
  indexIn,
  keyBytes,
  keyedNumber,
  readBlkioV1,
  readCpuMax,
  readIoStatV2,
  readNetDev,
  singleNumber,
} from '../../../../../main/core/stats/cgroup/cgroup-parse';
import { RawReading } from '../../../../../main/core/stats/derive';
import { netDev } from './cgroup-fixture';

/** A buffer longer than the text, with stale bytes after it, as the shared read buffer has. */
function bytes(text: string): [Buffer, number] {
  const buffer = Buffer.alloc(text.length + 64, 'x');
  buffer.write(text, 'latin1');
  return [buffer, text.length];
}

describe('parsing kernel files from bytes', () => {
  it('single numbers, -1 and max', () => {
    expect(singleNumber(...bytes('18257965476\n'))).toBe(18257965476);
    expect(singleNumber(...bytes('-1\n'))).toBe(-1);
    expect(singleNumber(...bytes('max\n'))).toBe(Infinity);
    expect(singleNumber(...bytes('9223372036854771712\n'))).toBeGreaterThan(2 ** 62);
    expect(singleNumber(...bytes(''))).toBeNaN();
  });

  it('keyed values match whole keys at a line start only', () => {
    const [buffer, length] = bytes('inactive_anon 1\ninactive_file 22\ntotal_inactive_file 333\n');
    expect(keyedNumber(buffer, length, keyBytes('total_inactive_file'))).toBe(333);
    expect(keyedNumber(buffer, length, keyBytes('inactive_file'))).toBe(22);
    expect(keyedNumber(buffer, length, keyBytes('active_file'))).toBeNaN();
    // Text after `length` is stale: a key found there does not count.
    const [stale] = bytes('a 1\n');
    stale.write('\nb 2\n', 4, 'latin1');
    expect(keyedNumber(stale, 4, keyBytes('b'))).toBeNaN();
  });

  it('keys are searched only in buf[from..end): one ending at end is found, one crossing it is not', () => {
    const buffer = Buffer.from('abc key xkey', 'latin1');
    const key = Buffer.from('key', 'latin1');
    expect(indexIn(buffer, key, 0, buffer.length)).toBe(4);
    expect(indexIn(buffer, key, 5, buffer.length)).toBe(9);
    expect(indexIn(buffer, key, 5, 11)).toBe(-1);
    expect(indexIn(buffer, key, 0, 2)).toBe(-1);
  });

  it('v1 cpu.stat', () => {
    const [buffer, length] = bytes('nr_periods 368\nnr_throttled 361\nthrottled_time 17324680107\nnr_bursts 0\n');
    expect(keyedNumber(buffer, length, keyBytes('nr_periods'))).toBe(368);
    expect(keyedNumber(buffer, length, keyBytes('nr_throttled'))).toBe(361);
  });

  it('v1 blkio: Read and Write summed over devices, not the totals', () => {
    const reading = new RawReading();
    readBlkioV1(
      ...bytes('8:0 Read 4096\n8:0 Write 100\n8:0 Total 4196\n8:16 Read 1\n8:16 Write 2\nTotal 4199\n'),
      reading,
    );
    expect([reading.blkRead, reading.blkWrite]).toEqual([4097, 102]);
    readBlkioV1(...bytes('Total 0\n'), reading);
    expect([reading.blkRead, reading.blkWrite]).toEqual([0, 0]);
  });

  it('v2 io.stat: rbytes and wbytes summed over devices', () => {
    const reading = new RawReading();
    readIoStatV2(
      ...bytes(
        '8:0 rbytes=4096 wbytes=512 rios=1 wios=1 dbytes=7 dios=1\n253:1 rbytes=10 wbytes=20 rios=1 wios=1 dbytes=0 dios=0\n',
      ),
      reading,
    );
    expect([reading.blkRead, reading.blkWrite]).toEqual([4106, 532]);
  });

  it('net/dev: every interface but lo', () => {
    const reading = new RawReading();
    readNetDev(...bytes(netDev({ lo: [1000, 1000], eth0: [946, 12], eth1: [4, 8] })), reading);
    expect([reading.netRx, reading.netTx]).toEqual([950, 20]);
    readNetDev(...bytes(netDev({ lo: [5, 5] })), reading);
    expect([reading.netRx, reading.netTx]).toEqual([0, 0]);
  });

  it('net/dev as the kernel pads it (interface names right-aligned, wide columns)', () => {
    const text = [
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
      '    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0',
      '  eth0:     946      11    0    0    0     0          0         0       42       1    0    0    0     0       0          0',
      '',
    ].join('\n');
    const reading = new RawReading();
    readNetDev(...bytes(text), reading);
    expect([reading.netRx, reading.netTx]).toEqual([946, 42]);
  });

  it('v2 cpu.max', () => {
    expect(readCpuMax(...bytes('50000 100000\n'))).toEqual({ quota: 50000, period: 100000 });
    expect(readCpuMax(...bytes('max 100000\n'))).toEqual({ quota: Infinity, period: 100000 });
  });
});
