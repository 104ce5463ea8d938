//! The creation wizard: owner → start (blank or a template) → title and text → preview →
//! goal and signer fields → look → image (optional) → review and publish. Each step is a plain
//! form; "back" saves too, and the draft remembers the step to resume at. The image step has its
//! own upload form (`image.rs`); its "next" needs no image.
use rocket::response::Redirect;
use rocket::{get, post, routes};

use super::form::{self, Posted};
use super::{invalid, owner_choices, resolve_owner};
use crate::App;
use crate::domain::ids::{PetitionId, UserId};
use crate::domain::moderation::premoderation;
use crate::domain::permissions::{self, Allowed, CreatePetition, EditDraft, PublishPetition};
use crate::domain::petition::content::{Content, SectionInput};
use crate::domain::petition::editing::{self, Editable, StatusChange};
use crate::domain::petition::petitions::{self, NewPetition, OwnerId, Status};
use crate::domain::petition::wizard::Step;
use crate::domain::{DomainError, DomainResult, FieldErrors, petition::templates};
use crate::entities::user;
use crate::web::context::{Ctx, Signed, flash};
use crate::web::csrf::CsrfForm;
use crate::web::error::{WebError, WebResult};
use crate::web::page::Page;

pub fn routes() -> Vec<rocket::Route> {
    routes![owner_page, owner_submit, step_page, step_submit]
}

fn wizard_page(app: &App, ctx: &Ctx, step: Step, mut extra: tera::Context) -> WebResult<Page> {
    extra.insert("step", &step);
    extra.insert("step_number", &step.number());
    extra.insert("steps", &Step::ALL);
    extra.insert("themes", &app.views.themes());
    ctx.page(app, "dashboard/wizard.html", extra)
}

#[get("/dashboard/new")]
async fn owner_page(s: Signed<'_>) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let choices = owner_choices::<CreatePetition>(app, user).await?;
    let mut extra = tera::Context::new();
    extra.insert("owners", &choices);
    extra.insert("form", &Posted::from([("owner".into(), "me".into())]));
    extra.insert("errors", &FieldErrors::new());
    wizard_page(app, ctx, Step::Owner, extra)
}

#[post("/dashboard/new", data = "<form>")]
async fn owner_submit(s: Signed<'_>, form: CsrfForm<Posted>) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, .. } = s;
    let owner = match resolve_owner::<CreatePetition>(app, user, form.0.get("owner").map_or("", String::as_str)).await?
    {
        Ok(owner) => owner,
        Err(errors) => {
            let mut extra = tera::Context::new();
            extra.insert("owners", &owner_choices::<CreatePetition>(app, user).await?);
            extra.insert("form", &form.0);
            extra.insert("errors", &errors);
            return Ok(Err(invalid(wizard_page(app, ctx, Step::Owner, extra)?)));
        }
    };
    // A new petition starts in the instance's default theme.
    let mut content = Content::default();
    content.look.theme = app.instance.get().default_theme.clone();
    let new = NewPetition {
        content,
        slug: None,
        status: Status::Draft,
        locale: ctx.lang.clone(),
        wizard_step: Some(Step::Start.name().into()),
    };
    let id = petitions::create(&app.db, &owner, new).await?;
    Ok(Ok(Redirect::to(step_path(id, Step::Start))))
}

fn step_path(id: PetitionId, step: Step) -> String {
    format!("/dashboard/petitions/{id}/wizard/{}", step.name())
}

/// The templates this draft may start from: its owner's, and the user's own.
async fn usable_templates(app: &App, user: &user::Model, draft: &Editable) -> DomainResult<Vec<templates::Template>> {
    let mut owners = vec![draft.owner];
    if draft.owner != OwnerId::User(UserId(user.id)) {
        owners.push(OwnerId::User(UserId(user.id)));
    }
    templates::of_owners(&app.db, &owners).await
}

async fn render_step(
    app: &App,
    ctx: &Ctx,
    user: &user::Model,
    (draft, step): (&Editable, Step),
    form: &Posted,
    errors: &FieldErrors,
) -> WebResult<Page> {
    let mut extra = tera::Context::new();
    extra.insert("petition", draft);
    extra.insert("form", form);
    extra.insert("errors", errors);
    match step {
        Step::Start => extra.insert("templates", &usable_templates(app, user, draft).await?),
        Step::Preview => extra.insert("text_html", &petitions::render_markdown(&draft.content.text)),
        Step::Review => {
            extra.insert("text_html", &petitions::render_markdown(&draft.content.text));
            extra.insert("owner", &petitions::any_by_id(&app.db, draft.id).await?.owner);
            let may_publish = permissions::petition::<PublishPetition>(&app.db, user, draft.id).await.is_ok();
            extra.insert("may_publish", &may_publish);
            extra.insert("languages_panel", &super::translations::panel(app, draft));
        }
        _ => {}
    }
    wizard_page(app, ctx, step, extra)
}

/// A step of draft `id` shown again with what was typed and what is wrong with it (the image
/// step's upload, which posts elsewhere).
pub(super) async fn step_view(
    app: &App,
    ctx: &Ctx,
    user: &user::Model,
    (id, step): (PetitionId, Step),
    (form, errors): (&Posted, &FieldErrors),
) -> WebResult<Page> {
    let draft = editing::load(&app.db, id).await?;
    render_step(app, ctx, user, (&draft, step), form, errors).await
}

/// The draft of a wizard route, with the capability to fill it: a draft still in the wizard,
/// for someone who may create petitions for its owner.
async fn draft_for(
    app: &App,
    user: &user::Model,
    id: PetitionId,
    step: &str,
) -> WebResult<(Allowed<EditDraft, PetitionId>, Editable, Step)> {
    let can = permissions::draft(&app.db, user, id).await?;
    let step = Step::parse(step).ok_or_else(WebError::not_found)?;
    Ok((can, editing::load(&app.db, id).await?, step))
}

#[get("/dashboard/petitions/<id>/wizard/<step>")]
async fn step_page(s: Signed<'_>, id: PetitionId, step: &str) -> WebResult<Page> {
    let Signed { app, ctx, user, .. } = s;
    let (_, draft, step) = draft_for(app, user, id, step).await?;
    let mut form = form::posted(&SectionInput::of(&draft.content));
    if step == Step::Start {
        let templates = usable_templates(app, user, &draft).await?;
        let first = match templates.iter().find(|t| t.is_default) {
            _ if !draft.content.title.is_empty() => "keep".to_string(),
            Some(t) => t.id.to_string(),
            None => "blank".into(),
        };
        form.insert("template".into(), first);
    }
    render_step(app, ctx, user, (&draft, step), &form, &FieldErrors::new()).await
}

#[post("/dashboard/petitions/<id>/wizard/<step>", data = "<form>")]
async fn step_submit(
    s: Signed<'_>,
    id: PetitionId,
    step: &str,
    form: CsrfForm<Posted>,
) -> WebResult<Result<Redirect, Page>> {
    let Signed { app, ctx, user, jar } = s;
    let (can, draft, step) = draft_for(app, user, id, step).await?;
    let form = form.0;
    let go = form.get("go").map_or("next", String::as_str);
    let result = match step {
        Step::Start => start_from(app, user, (&can, &draft), form.get("template").map_or("", String::as_str)).await,
        Step::Review if go == "publish" => {
            // Publishing needs the publishing right, here as on the status buttons.
            let publish = permissions::petition::<PublishPetition>(&app.db, user, id).await?;
            let review = premoderation::policy(&app.settings);
            editing::set_status(&app.db, &publish, StatusChange::Publish, (user, review)).await.map(|_| ())
        }
        _ => editing::save(&app.db, &can, &form::edit(&form, step.sections(), &app.views.themes())).await,
    };
    match result {
        Ok(()) => {}
        Err(DomainError::Invalid(errors)) => {
            return Ok(Err(invalid(render_step(app, ctx, user, (&draft, step), &form, &errors).await?)));
        }
        Err(e) => return Err(e.into()),
    }
    let to = match (go, step) {
        ("back", _) => step.previous().unwrap_or(step),
        ("publish", Step::Review) => {
            flash(jar, "success", "flash-petition-published");
            return Ok(Ok(Redirect::to(format!("/dashboard/petitions/{id}"))));
        }
        ("draft", Step::Review) => {
            // It stays in the wizard, so that a member who may only create petitions can
            // come back to it.
            editing::set_wizard_step(&app.db, &can, Step::Review.name()).await?;
            flash(jar, "success", "flash-draft-saved");
            return Ok(Ok(Redirect::to(format!("/dashboard/petitions/{id}"))));
        }
        _ => step.next().unwrap_or(step),
    };
    editing::set_wizard_step(&app.db, &can, to.name()).await?;
    Ok(Ok(Redirect::to(step_path(id, to))))
}

/// Applies the chosen template (or a blank petition) to the draft; `keep` changes nothing.
async fn start_from(
    app: &App,
    user: &user::Model,
    (can, draft): (&Allowed<EditDraft, PetitionId>, &Editable),
    choice: &str,
) -> Result<(), DomainError> {
    let content = match choice {
        "keep" => return Ok(()),
        "blank" => Content::default(),
        id => {
            let usable = usable_templates(app, user, draft).await?;
            match usable.into_iter().find(|t| t.id.to_string() == id) {
                Some(t) => t.content,
                None => return Err(DomainError::Invalid(FieldErrors::from([("template", "error-choice-invalid")]))),
            }
        }
    };
    editing::replace_content(&app.db, can, &content).await
}
