import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import {
  asChunks,
  assertBlobKey,
  assertBlobPrefix,
  assertRange,
  type BlobStore,
  blobNotFound,
} from "./blob-store.js";
import { assertStorageLocationAllowed } from "./storage-location.js";

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  /** Declared EU/EEA country when the region name is not an AWS one (on-premises MinIO/Ceph). */
  country?: string;
  /** For S3-compatible services (MinIO, Ceph, s3rver in tests). */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Static keys; without them the AWS SDK's default chain (environment, shared files, SSO, web identity, ECS/EC2 roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Multipart part size in bytes (at least 5 MiB, S3's minimum); an object below it is one PUT. */
  partSize?: number;
  /** Optional key prefix inside the bucket, e.g. "kuulo/". */
  keyPrefix?: string;
}

export const DEFAULT_PART_BYTES = 8 * 1024 * 1024;
const MIN_PART_BYTES = 5 * 1024 * 1024;
/** Parts in flight per upload: memory stays near partSize × this, whatever the object's size. */
const PARTS_IN_FLIGHT = 2;

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
};

/** S3-compatible backend through the AWS SDK. Refuses a region outside the EU/EEA on construction (R7). */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly keyPrefix: string;
  private readonly partSize: number;

  constructor(options: S3BlobStoreOptions) {
    assertStorageLocationAllowed(
      options.country ? { region: options.region, country: options.country } : options.region,
    );
    this.bucket = options.bucket;
    this.keyPrefix = options.keyPrefix ?? "";
    this.partSize = Math.max(MIN_PART_BYTES, options.partSize ?? DEFAULT_PART_BYTES);
    this.client = new S3Client({
      region: options.region,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle ?? false,
    });
  }

  private objectKey(key: string): string {
    return this.keyPrefix + assertBlobKey(key);
  }

  /**
   * Streams the object up: one PUT below the part size, otherwise a multipart upload with at most
   * PARTS_IN_FLIGHT parts buffered. Either way S3 shows the object only once complete; a failed
   * multipart upload is aborted, so no half object remains.
   */
  async put(key: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
    const objectKey = this.objectKey(key);
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: objectKey,
        Body: Readable.from(asChunks(data), { objectMode: false }),
      },
      partSize: this.partSize,
      queueSize: PARTS_IN_FLIGHT,
      // Aborted below, so the caller sees why the upload failed rather than how the abort went.
      leavePartsOnError: true,
    });
    try {
      await upload.done();
    } catch (error) {
      const uploadId = (upload as unknown as { uploadId?: string }).uploadId;
      if (uploadId) {
        // If this fails too, the bucket's AbortIncompleteMultipartUpload lifecycle rule removes the parts.
        await this.client
          .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: objectKey, UploadId: uploadId }))
          .catch(() => {});
      }
      throw error;
    }
  }

  async lastModified(key: string): Promise<Date> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
      if (!head.LastModified) throw new Error(`Stored object ${key} has no Last-Modified date`);
      return head.LastModified;
    } catch (error) {
      if (isNotFound(error)) throw blobNotFound(key);
      throw error;
    }
  }

  async getRange(key: string, start: number, endInclusive: number): Promise<Uint8Array> {
    const objectKey = this.objectKey(key);
    if (
      !(
        Number.isSafeInteger(start) &&
        Number.isSafeInteger(endInclusive) &&
        start >= 0 &&
        start <= endInclusive
      )
    ) {
      assertRange(key, start, endInclusive, 0);
    }
    try {
      const response = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: objectKey,
          Range: `bytes=${start}-${endInclusive}`,
        }),
      );
      const total = Number(/\/(\d+)$/.exec(response.ContentRange ?? "")?.[1] ?? Number.NaN);
      const bytes = await response.Body!.transformToByteArray();
      if (!Number.isNaN(total)) assertRange(key, start, endInclusive, total);
      else if (bytes.length !== endInclusive - start + 1)
        assertRange(key, start, endInclusive, start + bytes.length);
      return bytes;
    } catch (error) {
      if (isNotFound(error)) throw blobNotFound(key);
      if ((error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 416) {
        assertRange(key, start, endInclusive, await this.size(key));
      }
      throw error;
    }
  }

  async size(key: string): Promise<number> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) throw blobNotFound(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.size(key);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "NOT_FOUND") return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async *list(prefix: string): AsyncIterable<string> {
    assertBlobPrefix(prefix);
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: this.keyPrefix + prefix,
          ...(continuationToken ? { ContinuationToken: continuationToken } : {}),
        }),
      );
      for (const object of page.Contents ?? []) {
        const key = object.Key?.slice(this.keyPrefix.length);
        if (key !== undefined && object.Key?.startsWith(this.keyPrefix)) yield key;
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  /** Releases the SDK's sockets (tests, shutdown). */
  destroy(): void {
    this.client.destroy();
  }
}
