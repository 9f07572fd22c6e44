using System.Reflection;
using OrgTasks.Grains;
using OrgTasks.Identity;

namespace OrgTasks.Tests.Security;

/// <summary>
/// Every method of every grain interface in the contracts assembly, found by reflection, with the concrete grain
/// interface a client would call it through. Tests built on it cannot miss a method added later.
/// </summary>
public static class GrainSurface
{
    public static Assembly Contracts { get; } = typeof(IUnitGrain).Assembly;

    /// <summary>Every grain interface of the contracts.</summary>
    public static IReadOnlyList<Type> Interfaces { get; } = Contracts.GetTypes()
        .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && t.GetMethods().Length > 0)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Every method, once, as (the interface that declares it, the method).</summary>
    public static IReadOnlyList<MethodInfo> Methods { get; } = Interfaces
        .SelectMany(i => i.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => !m.IsSpecialName)
        .Distinct()
        .OrderBy(m => m.DeclaringType!.Name, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
        .ToList();

    public static AccessAttribute? Access(MethodInfo method) => method.GetCustomAttribute<AccessAttribute>();

    public static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";

    /// <summary>Calls <paramref name="method"/> on <paramref name="grain"/> with <paramref name="arguments"/>; unwraps the reflection layer.</summary>
    public static async Task<object?> InvokeAsync(object grain, MethodInfo method, object?[] arguments)
    {
        Task task;
        try
        {
            task = (Task)method.Invoke(grain, arguments)!;
        }
        catch (TargetInvocationException error) when (error.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }

    /// <summary>Arguments of the right types and no meaning: what a hostile client sends when it only wants to get through.</summary>
    public static object?[] Junk(MethodInfo method) => method.GetParameters()
        .Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : p.ParameterType == typeof(string) ? "x" : null)
        .ToArray();
}
