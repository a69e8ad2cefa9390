using Connectors.Kubernetes.Cli.Projects;
using Connectors.Kubernetes.Cli.Secrets;

namespace Connectors.Kubernetes.Cli.Connectors;

/// <summary>
/// Writes a connector change: user secrets first, then the project file. If the project file cannot
/// be written, the secrets are put back, so a failure leaves both files as they were.
/// </summary>
internal static class ConnectorWriter
{
    public static void Save(UserSecretsStore secrets, ConnectorDraft draft, ProjectFile editedProject)
    {
        var before = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var suffix in draft.SecretChanges.Keys)
        {
            before[suffix] = secrets.Get(SecretNames.ConfigurationKey(draft.Name, suffix));
        }

        if (draft.SecretChanges.Count > 0)
        {
            draft.ApplySecrets(secrets);
            secrets.Save();
        }

        try
        {
            editedProject.Save();
        }
        catch
        {
            if (draft.SecretChanges.Count > 0)
            {
                foreach (var (suffix, value) in before)
                {
                    var key = SecretNames.ConfigurationKey(draft.Name, suffix);
                    if (value is null)
                    {
                        secrets.Remove(key);
                    }
                    else
                    {
                        secrets.Set(key, value);
                    }
                }

                secrets.Save();
            }

            throw;
        }
    }
}
