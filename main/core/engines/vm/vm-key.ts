// The VM's own login key: an ed25519 pair made on first start, its private half written in the OpenSSH format
// ssh2 and ssh read (node:crypto exports ed25519 only as PKCS#8, which ssh2 does not parse), its public half
// handed to the guest through fw_cfg at every boot. No passphrase: the file is private to the user (0600).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

function sshString(data: Buffer | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

export interface OpenSshKeyPair {
  privateKey: string;
  /** `ssh-ed25519 <base64> <comment>`, an authorized_keys line. */
  publicKey: string;
}

/** Encodes raw ed25519 keys as `openssh-key-v1` (PROTOCOL.key), unencrypted. */
export function encodeOpenSshEd25519(
  seed: Buffer,
  pub: Buffer,
  comment: string,
  check: number = randomBytes(4).readUInt32BE(),
): OpenSshKeyPair {
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  let secret = Buffer.concat([
    uint32(check),
    uint32(check),
    sshString('ssh-ed25519'),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(comment),
  ]);
  const padding: number[] = [];
  for (let i = 1; (secret.length + padding.length) % 8 !== 0; i += 1) padding.push(i);
  secret = Buffer.concat([secret, Buffer.from(padding)]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(publicBlob),
    sshString(secret),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return {
    privateKey: ['-----BEGIN OPENSSH PRIVATE KEY-----', ...lines, '-----END OPENSSH PRIVATE KEY-----', ''].join('\n'),
    publicKey: `ssh-ed25519 ${publicBlob.toString('base64')} ${comment}`,
  };
}

export function generateVmKey(comment: string): OpenSshKeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  if (!jwk.d || !jwk.x) throw new Error('node:crypto returned an ed25519 key without its raw halves');
  return encodeOpenSshEd25519(Buffer.from(jwk.d, 'base64url'), Buffer.from(jwk.x, 'base64url'), comment);
}

/** The VM's key pair, made and saved when it has none yet. */
export async function ensureVmKey(privateFile: string, publicFile: string, comment: string): Promise<OpenSshKeyPair> {
  try {
    return { privateKey: await readFile(privateFile, 'utf8'), publicKey: (await readFile(publicFile, 'utf8')).trim() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const pair = generateVmKey(comment);
  await mkdir(dirname(privateFile), { recursive: true, mode: 0o700 });
  await writeFile(privateFile, pair.privateKey, { mode: 0o600 });
  await writeFile(publicFile, `${pair.publicKey}\n`, { mode: 0o644 });
  return pair;
}
