using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Insights.Contracts.Generator.Parsing;

/// <summary>RFC 3986 reference resolution, done by hand: System.Uri rejects or rewrites URNs, <c>tag:</c> and empty fragments.</summary>
internal static class UriReference
{
    public static bool IsAbsolute(string uri)
    {
        int colon = uri.IndexOf(':');
        if (colon <= 0 || !char.IsLetter(uri[0]))
        {
            return false;
        }

        for (int i = 1; i < colon; i++)
        {
            char c = uri[i];
            if (!(char.IsLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Resolves <paramref name="reference"/> against the absolute <paramref name="baseUri"/> (RFC 3986 §5.2.2).</summary>
    public static string Resolve(string baseUri, string reference)
    {
        Parts r = Split(reference);
        if (r.Scheme is not null)
        {
            return Compose(r.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query, r.Fragment);
        }

        Parts b = Split(baseUri);
        if (r.Authority is not null)
        {
            return Compose(b.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query, r.Fragment);
        }

        if (r.Path.Length == 0)
        {
            return Compose(b.Scheme, b.Authority, b.Path, r.Query ?? b.Query, r.Fragment);
        }

        string path = r.Path.StartsWith("/", StringComparison.Ordinal)
            ? r.Path
            : Merge(b, r.Path);
        return Compose(b.Scheme, b.Authority, RemoveDotSegments(path), r.Query, r.Fragment);
    }

    /// <summary>The URI without its fragment, and the fragment (without <c>#</c>, empty when none).</summary>
    public static (string Resource, string Fragment) SplitFragment(string uri)
    {
        int hash = uri.IndexOf('#');
        return hash < 0 ? (uri, string.Empty) : (uri.Substring(0, hash), uri.Substring(hash + 1));
    }

    private static string Merge(Parts b, string path)
    {
        if (b.Authority is not null && b.Path.Length == 0)
        {
            return "/" + path;
        }

        int slash = b.Path.LastIndexOf('/');
        return slash < 0 ? path : b.Path.Substring(0, slash + 1) + path;
    }

    private static string RemoveDotSegments(string path)
    {
        if (path.IndexOf('.') < 0)
        {
            return path;
        }

        var output = new List<string>();
        string[] segments = path.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            bool last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else if (segment == "..")
            {
                if (output.Count > 1 || (output.Count == 1 && output[0].Length > 0))
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else
            {
                output.Add(segment);
            }
        }

        return string.Join("/", output);
    }

    private static string Compose(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        var builder = new StringBuilder();
        if (scheme is not null)
        {
            builder.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            builder.Append("//").Append(authority);
        }

        builder.Append(path);
        if (query is not null)
        {
            builder.Append('?').Append(query);
        }

        if (fragment is not null)
        {
            builder.Append('#').Append(fragment);
        }

        return builder.ToString();
    }

    private static Parts Split(string uri)
    {
        string? fragment = null;
        int hash = uri.IndexOf('#');
        if (hash >= 0)
        {
            fragment = uri.Substring(hash + 1);
            uri = uri.Substring(0, hash);
        }

        string? query = null;
        int question = uri.IndexOf('?');
        if (question >= 0)
        {
            query = uri.Substring(question + 1);
            uri = uri.Substring(0, question);
        }

        string? scheme = null;
        if (IsAbsolute(uri))
        {
            int colon = uri.IndexOf(':');
            scheme = uri.Substring(0, colon);
            uri = uri.Substring(colon + 1);
        }

        string? authority = null;
        if (uri.StartsWith("//", StringComparison.Ordinal))
        {
            int end = uri.IndexOf('/', 2);
            authority = end < 0 ? uri.Substring(2) : uri.Substring(2, end - 2);
            uri = end < 0 ? string.Empty : uri.Substring(end);
        }

        return new Parts(scheme, authority, uri, query, fragment);
    }

    private readonly struct Parts(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        public string? Scheme { get; } = scheme;
        public string? Authority { get; } = authority;
        public string Path { get; } = path;
        public string? Query { get; } = query;
        public string? Fragment { get; } = fragment;
    }
}
