export type { BlobStore } from "./blob-store.js";
export { assertBlobKey, isBlobKey } from "./blob-store.js";
export type {
  EncryptedBlobStore,
  EncryptedPutResult,
  KeptChunks,
  OpenedObject,
  PlaintextStream,
  ReadTimer,
} from "./encrypted-store.js";
export { createEncryptedStore, DEFAULT_CHUNK_BYTES } from "./encrypted-store.js";
export { FsBlobStore } from "./fs-blob-store.js";
export type { MasterKeySpec } from "./master-keyring.js";
export { generateMasterKeyBase64, MasterKeyring, rewrapKey } from "./master-keyring.js";
export type { S3BlobStoreOptions } from "./s3-blob-store.js";
export { S3BlobStore } from "./s3-blob-store.js";
export type { StorageLocation } from "./storage-location.js";
export { assertStorageLocationAllowed } from "./storage-location.js";
