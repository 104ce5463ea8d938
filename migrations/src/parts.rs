//! The statements every migration repeats (indexes, cascading keys, added and dropped columns),
//! built in one place so that each migration reads as the schema change it makes. They build
//! exactly the statements the migrations wrote out before, so the schema is unchanged.
use sea_orm_migration::{prelude::*, schema::*};

/// The one-owner rule of petitions and templates: a user's or an organisation's, never both.
const ONE_OWNER: &str =
    "(user_id IS NULL AND organisation_id IS NOT NULL) OR (user_id IS NOT NULL AND organisation_id IS NULL)";

pub fn created_at() -> ColumnDef {
    timestamp_with_time_zone("created_at")
}

/// A table to create: its name said once, its columns as a list, and its keys, indexes and
/// checks added by name. It builds the same `CREATE TABLE` a `Table::create()` chain would.
pub struct NewTable {
    name: String,
    stmt: TableCreateStatement,
}

/// A table keyed by an auto-increment `id`, followed by `cols`.
pub fn table(name: &str, cols: impl IntoIterator<Item = ColumnDef>) -> NewTable {
    keyed_table(name, std::iter::once(big_pk_auto("id")).chain(cols))
}

/// A table whose key is among `cols` (the one marked `primary_key()`).
pub fn keyed_table(name: &str, cols: impl IntoIterator<Item = ColumnDef>) -> NewTable {
    let mut stmt = Table::create();
    stmt.table(Alias::new(name));
    for col in cols {
        stmt.col(col);
    }
    NewTable { name: name.to_owned(), stmt }
}

impl NewTable {
    /// A foreign key from `column` to `to.id`, removed with its parent row.
    pub fn cascade(mut self, key: &str, column: &str, to: &str) -> Self {
        self.stmt.foreign_key(&mut cascade(key, &self.name, column, to));
        self
    }

    /// Any other foreign key.
    pub fn foreign_key(mut self, mut key: ForeignKeyCreateStatement) -> Self {
        self.stmt.foreign_key(&mut key);
        self
    }

    /// A unique constraint on `cols`, in that order.
    pub fn unique(mut self, name: &str, cols: &[&str]) -> Self {
        self.stmt.index(index_on(name, &self.name, cols).unique());
        self
    }

    /// The owner of petitions and templates: `user_id` or `organisation_id` (never both), each
    /// removing the row with it; `prefix` names the two keys (`<prefix>_user`, `<prefix>_organisation`).
    pub fn one_owner(mut self, prefix: &str) -> Self {
        self.stmt.check(Expr::cust(ONE_OWNER));
        let (user, organisation) = (format!("{prefix}_user"), format!("{prefix}_organisation"));
        self.cascade(&user, "user_id", "users").cascade(&organisation, "organisation_id", "organisations")
    }

    pub async fn create(self, m: &SchemaManager<'_>) -> Result<(), DbErr> {
        m.create_table(self.stmt).await
    }
}

/// A foreign key from `table.column` to `to.id`, removed with its parent row.
pub fn cascade(name: &str, table: &str, column: &str, to: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(Alias::new(table), Alias::new(column))
        .to(Alias::new(to), "id")
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn index_on(name: &str, table: &str, cols: &[&str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(Alias::new(table));
    for col in cols {
        index.col(Alias::new(*col));
    }
    index
}

/// An index on `cols` of `table`, in that order.
pub async fn index(m: &SchemaManager<'_>, name: &str, table: &str, cols: &[&str]) -> Result<(), DbErr> {
    m.create_index(index_on(name, table, cols)).await
}

/// A unique index on `cols` of `table`.
pub async fn unique_index(m: &SchemaManager<'_>, name: &str, table: &str, cols: &[&str]) -> Result<(), DbErr> {
    m.create_index(index_on(name, table, cols).unique().to_owned()).await
}

pub async fn drop_index(m: &SchemaManager<'_>, name: &str, table: &str) -> Result<(), DbErr> {
    m.drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned()).await
}

/// Drops `tables` in the order given (children before their parents).
pub async fn drop_tables(m: &SchemaManager<'_>, tables: &[&str]) -> Result<(), DbErr> {
    for table in tables {
        m.drop_table(Table::drop().table(Alias::new(*table)).to_owned()).await?;
    }
    Ok(())
}

/// Adds each column with a statement of its own (SQLite alters one column at a time).
pub async fn add_columns(
    m: &SchemaManager<'_>,
    table: &str,
    cols: impl IntoIterator<Item = ColumnDef>,
) -> Result<(), DbErr> {
    for mut col in cols {
        m.alter_table(Table::alter().table(Alias::new(table)).add_column(&mut col).to_owned()).await?;
    }
    Ok(())
}

/// Drops the named columns, one statement each.
pub async fn drop_columns<S: AsRef<str>>(
    m: &SchemaManager<'_>,
    table: &str,
    names: impl IntoIterator<Item = S>,
) -> Result<(), DbErr> {
    for name in names {
        m.alter_table(Table::alter().table(Alias::new(table)).drop_column(Alias::new(name.as_ref())).to_owned())
            .await?;
    }
    Ok(())
}

/// The names of `cols`, for a `down` that drops what `up` added.
pub fn names(cols: Vec<ColumnDef>) -> Vec<String> {
    cols.iter().map(|col| col.get_column_name()).collect()
}

/// The one row of a single-row table (`id` = 1) that every process updates in place.
pub async fn single_row(m: &SchemaManager<'_>, table: &str, column: &str, value: i64) -> Result<(), DbErr> {
    m.exec_stmt(
        Query::insert()
            .into_table(Alias::new(table))
            .columns([Alias::new("id"), Alias::new(column)])
            .values_panic([1.into(), value.into()])
            .to_owned(),
    )
    .await
}
