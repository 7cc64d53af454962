namespace Insights.Contracts.AspNetCore;

/// <summary>How request bodies that are generated contracts are read.</summary>
public sealed class JsonContractsOptions
{
    /// <summary>The default <see cref="MaxBodyBytes"/>: 1 MiB, far above any contract body this library was written for.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The largest contract body read; a longer one is answered with 413 and problem details before
    /// the endpoint runs. Kestrel's own <c>MaxRequestBodySize</c> (30 MB by default) still applies
    /// on top, and is answered the same way.
    /// </summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}
