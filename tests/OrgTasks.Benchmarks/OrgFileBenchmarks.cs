using BenchmarkDotNet.Attributes;
using OrgTasks.Organization;

namespace OrgTasks.Benchmarks;

/// <summary>Loading and validating the million-home organization file, as every command that takes a city does first.</summary>
[MemoryDiagnoser]
public class OrgFileBenchmarks
{
    private string _path = null!;

    [GlobalSetup]
    public void Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", "city-1m.yaml");
            if (!File.Exists(candidate)) continue;
            _path = candidate;
            return;
        }
        throw new FileNotFoundException("samples/city-1m.yaml not found above " + AppContext.BaseDirectory);
    }

    [Benchmark]
    public long LoadAndValidateCity1M()
    {
        var result = OrgFile.Load(_path);
        return result.IsValid ? result.Organization!.HomeCount : throw new InvalidOperationException("city-1m.yaml is invalid");
    }
}
