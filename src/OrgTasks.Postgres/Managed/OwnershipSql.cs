namespace OrgTasks.Postgres.Managed;

/// <summary>
/// Hands the <c>public</c> schema and everything in it to the application role: what an older OrgTasks created as the
/// superuser (tables, views, sequences, functions) becomes the role's, so the silos can migrate and use it without
/// being superusers. Tables go first: a sequence that belongs to a table's column moves with its table.
/// </summary>
internal static class OwnershipSql
{
    public static string HandOver(string role)
    {
        var literal = "'" + role.Replace("'", "''", StringComparison.Ordinal) + "'";
        return $$"""
            DO $$
            DECLARE
                target text := {{literal}};
                item record;
            BEGIN
                EXECUTE format('ALTER SCHEMA public OWNER TO %I', target);
                FOR item IN
                    SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_get_userbyid(c.relowner) <> target
                LOOP
                    EXECUTE format('ALTER %s %s OWNER TO %I',
                        CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                        item.name, target);
                END LOOP;
                FOR item IN
                    SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> target
                LOOP
                    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', item.name, target);
                END LOOP;
                FOR item IN
                    SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> target
                LOOP
                    EXECUTE format('ALTER %s %s OWNER TO %I',
                        CASE item.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, item.name, target);
                END LOOP;
            END $$
            """;
    }
}
