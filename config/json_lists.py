"""A related list fetched inside its parent's row, as a JSON array built by the database.

`JSONList(queryset)` is a correlated subquery whose one column (a value, or a `JSONObject`)
becomes a JSON array in the parent row: a list page and everything nested in it come in one
query, whatever the page size, instead of one query per relation. PostgreSQL and SQLite name
the aggregate differently; both leave the order of the elements unspecified (SQLite before
3.44 has no ORDER BY inside an aggregate), so each element carries its sort key and the
caller sorts.
"""

from django.db.models import JSONField, Subquery


class JSONList(Subquery):
    """The values of a queryset's one annotated column: `JSONList(qs.values(v=JSONObject(...)))`
    or `JSONList(qs.values(v=F("entity__acronym")))`."""

    template = "COALESCE((SELECT {agg} FROM (%(subquery)s) AS json_list_rows), '[]')"

    def __init__(self, queryset, **extra):
        super().__init__(queryset.order_by(), output_field=JSONField(), **extra)

    def _column(self) -> tuple[str, bool]:
        """The alias of the subquery's column and whether it holds JSON (an object) or a value."""
        (alias, expression), = self.query.annotation_select.items()
        return alias, isinstance(expression.output_field, JSONField)

    def as_postgresql(self, compiler, connection, **extra):
        alias, _is_json = self._column()
        # jsonb: the type Django reads JSONField values from (psycopg would decode plain json).
        template = self.template.format(agg=f'jsonb_agg(json_list_rows."{alias}")').replace("'[]'", "'[]'::jsonb")
        return super().as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        alias, is_json = self._column()
        # A subquery's column loses SQLite's JSON subtype: json() restores it, so an object is
        # nested as an object (not as a string), here and where this list is itself nested.
        element = f'json(json_list_rows."{alias}")' if is_json else f'json_list_rows."{alias}"'
        template = "json(" + self.template.format(agg=f"json_group_array({element})") + ")"
        return super().as_sql(compiler, connection, template=template, **extra)
