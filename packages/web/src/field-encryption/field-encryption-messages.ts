import type { Messages } from '../i18n/languages.ts';

/** Words of encrypted fields on the record screens (namespace `fieldEncryption`). */
export const fieldEncryptionMessages: Messages = {
  'zh-CN': {
    encrypted: '已加密',
    encryptedHint: '此字段加密存储，仅对有权查看明文的人解密',
    redacted: '已删除',
    redactedHint: '此人的数据已按删除请求销毁（密钥已销毁）',
    withheld: '不予显示',
  },
  'en-US': {
    encrypted: 'encrypted',
    encryptedHint: 'Stored encrypted; decrypted only for people allowed to read it in clear',
    redacted: 'erased',
    redactedHint: "This person's data was erased on request (their key was destroyed)",
    withheld: 'withheld',
  },
};
