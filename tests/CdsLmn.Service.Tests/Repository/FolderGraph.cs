using System.Text.RegularExpressions;

namespace CdsLmn.Service.Tests.Repository;

/// <summary>
/// The dependency graph between the folders (namespaces) of src/, read from the source text: an edge for every
/// <c>using CdsLmn…;</c> directive, an edge from a folder to an enclosing folder whenever its code names a type
/// declared there (C# lets a nested namespace use its parents' types without a using), and an edge for every type named
/// with its namespace, whole (<c>CdsLmn.Service.CdsHooks.CdsServiceCatalog</c>) or relative to an enclosing one
/// (<c>CdsHooks.CdsServiceCatalog</c> from <c>CdsLmn.Service.Health</c>).
/// </summary>
internal sealed partial class FolderGraph
{
    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HashSet<string>> Edges => _edges;

    public static FolderGraph Read(string srcDirectory)
    {
        var files = Directory.EnumerateFiles(srcDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Text: WithoutComments(File.ReadAllText(f)), Path: f))
            .Select(f => (f.Text, Namespace: NamespaceDeclaration().Match(f.Text) is { Success: true } m ? m.Groups["ns"].Value : null))
            .Where(f => f.Namespace is not null)
            .ToList();

        var declared = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (text, ns) in files)
        {
            var names = declared.TryGetValue(ns!, out var set) ? set : declared[ns!] = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match type in TypeDeclaration().Matches(text))
            {
                names.Add(type.Groups["name"].Value);
            }
        }

        var graph = new FolderGraph();
        foreach (var (text, ns) in files)
        {
            var from = ns!;
            graph.Node(from);
            foreach (Match directive in UsingDirective().Matches(text))
            {
                graph.Add(from, directive.Groups["ns"].Value);
            }

            foreach (var ancestor in Ancestors(from).Where(declared.ContainsKey))
            {
                // A use of the type: not a member access (FhirSystems.Ndc) nor a declaration of a member of the same name.
                if (declared[ancestor].Any(name => Regex.IsMatch(text, $@"(?<![.\w]){name}\b(?!\s*=[^=>])")))
                {
                    graph.Add(from, ancestor);
                }
            }

            foreach (var (target, names) in declared.Where(d => d.Key != from))
            {
                var qualifiers = string.Join('|', QualifiedNames(from, target).Select(Regex.Escape));
                if (Regex.IsMatch(text, $@"(?<![.\w])(?:{qualifiers})\.(?:{string.Join('|', names)})\b"))
                {
                    graph.Add(from, target);
                }
            }
        }

        return graph;
    }

    /// <summary>Every set of folders that depend on each other, directly or round a loop (strongly connected components of two or more).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Circles()
    {
        var index = 0;
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var circles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            indices[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in _edges[node])
            {
                if (!indices.ContainsKey(next))
                {
                    Visit(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], indices[next]);
                }
            }

            if (lowLinks[node] == indices[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    circles.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return circles;
    }

    private void Node(string name)
    {
        if (!_edges.ContainsKey(name))
        {
            _edges[name] = new HashSet<string>(StringComparer.Ordinal);
        }
    }

    private void Add(string from, string to)
    {
        if (from == to || !to.StartsWith("CdsLmn", StringComparison.Ordinal))
        {
            return;
        }

        Node(from);
        Node(to);
        _edges[from].Add(to);
    }

    private static string WithoutComments(string text) => LineComment().Replace(text, string.Empty);

    /// <summary>How code in <paramref name="from"/> may spell the namespace <paramref name="target"/>: whole, or relative to a shared ancestor.</summary>
    private static IEnumerable<string> QualifiedNames(string from, string target)
    {
        yield return target;
        foreach (var ancestor in Ancestors(from).Where(a => target.StartsWith(a + ".", StringComparison.Ordinal)))
        {
            yield return target[(ancestor.Length + 1)..];
        }
    }

    private static IEnumerable<string> Ancestors(string ns)
    {
        for (var dot = ns.LastIndexOf('.'); dot > 0; dot = ns.LastIndexOf('.', dot - 1))
        {
            yield return ns[..dot];
        }
    }

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"^namespace\s+(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>CdsLmn[\w.]*?)(?:\.[A-Z]\w*Extensions)?\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^(?:public|internal)\s+(?:(?:sealed|static|abstract|readonly|partial)\s+)*(?:class|record|enum|struct|interface)\s+(?:struct\s+|class\s+)?(?<name>[A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
