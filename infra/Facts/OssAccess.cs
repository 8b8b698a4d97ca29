using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>
/// How a RAM policy grants OSS access by prefix, and what Flink's OSS filesystem asks for. Sources, read 2026-12-05:
/// Alibaba Cloud OSS, "Authorization syntax and elements" (last updated 2026-02-03: object actions on
/// acs:oss:*:*:bucket/prefix*, oss:ListObjects on the bucket acs:oss:*:*:bucket itself, condition keys oss:Prefix and
/// oss:Delimiter, several conditions ANDed); OSS, "Use RAM policies to access a specified directory through the OSS console"
/// (ListObjects under StringLike oss:Prefix ["", "hangzhou/", "hangzhou/2015/*"]: every parent exactly, the granted
/// directory with a wildcard); apache/hadoop hadoop-aliyun AliyunOSSFileSystem (which Flink 1.20's flink-oss-fs-hadoop shades):
/// getFileStatus HEADs "key", then "key/", then lists "key/" with one key (an OSSException on the HEAD, a 403 included,
/// reads as not found), and mkdirs checks every parent up to the first that exists (validatePath), so a directory's
/// parents are listed; multipart uploads are PutObject, their abort and listing AbortMultipartUpload and ListParts.
/// </summary>
public static class OssAccess
{
    public const string ListObjects = "oss:ListObjects";
    public const string PrefixConditionKey = "oss:Prefix";
    public const string StringLike = "StringLike";

    /// <summary>What writing, reading and deleting objects (and multipart uploads) under a prefix takes.</summary>
    public static readonly ImmutableArray<string> ObjectReadWriteActions =
        ImmutableArray.Create("oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload", "oss:ListParts");

    public const string GetObject = "oss:GetObject";
    public const string DeleteObject = "oss:DeleteObject";
    public const string GetBucketInfo = "oss:GetBucketInfo";

    /// <summary>The resource of a bucket itself (what ListObjects is granted on) and of its objects under a key prefix.</summary>
    public static string Bucket(string bucket) => $"acs:oss:*:*:{bucket}";
    public static string Objects(string bucket, string keyPrefix) => $"acs:oss:*:*:{bucket}/{keyPrefix}*";
}
