//! The organisers' pages after the design pass (issue #20): deleting a template asks first; the
//! wizard's look step takes colours from colour pickers (and still refuses what is not a colour);
//! its image step may be skipped or used; its review names the owner.
use rocket::http::Status;

use crate::common::{TestApp, location};

/// A signed-in user with a fresh wizard draft; the draft's `/dashboard/petitions/<id>/wizard`.
async fn draft(t: &TestApp) -> String {
    t.user("alice", false).await;
    t.login("alice").await;
    let r = t.submit("/dashboard/new", "/dashboard/new", &[("owner", "me")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    location(&r).trim_end_matches("/start").to_string()
}

#[rocket::async_test]
async fn deleting_a_template_asks_first_on_a_page_of_its_own() {
    let t = TestApp::start().await;
    t.user("alice", false).await;
    t.login("alice").await;
    let r =
        t.submit("/dashboard/templates", "/dashboard/templates", &[("name", "Street campaign"), ("owner", "me")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    let id = t.count("SELECT id FROM petition_templates").await;
    let ask = format!("/dashboard/templates/{id}/delete");

    // The list links to the question; no button on it deletes at once.
    let (_, list) = t.get("/dashboard/templates").await;
    assert!(list.contains(&format!("<a href=\"{ask}\">Delete")), "{list}");
    assert!(!list.contains(&format!("action=\"{ask}\"")), "no deleting form on the list: {list}");

    let (status, page) = t.get(&ask).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Delete the template “Street campaign”?"), "{page}");
    assert!(page.contains(&format!("<form method=\"post\" action=\"{ask}\"")), "the page's button deletes");
    assert!(page.contains("href=\"/dashboard/templates\">Cancel</a>"), "and a way back: {page}");
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_templates").await, 1, "asking deletes nothing");

    let r = t.submit(&ask, &ask, &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), "/dashboard/templates");
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_templates").await, 0);
    assert_eq!(t.get(&ask).await.0, Status::NotFound, "gone");
}

#[rocket::async_test]
async fn the_wizard_takes_colours_from_pickers_and_refuses_what_is_not_a_colour() {
    let t = TestApp::start().await;
    let base = draft(&t).await;
    let look = format!("{base}/look");
    let (_, html) = t.get(&look).await;
    assert!(html.contains("id=\"accent_color\" name=\"accent_color\" type=\"color\""), "a colour picker: {html}");
    assert!(html.contains("name=\"colours\" value=\"theme\" checked"), "the theme's colours at first");
    for theme in ["classic", "campaign", "minimal"] {
        assert!(html.contains(&format!("src=\"/static/themes/{theme}.svg\"")), "{theme} pictured");
        assert_eq!(t.get(&format!("/static/themes/{theme}.svg")).await.0, Status::Ok, "{theme}'s picture is served");
    }

    // What a colour picker posts: #RRGGBB, taken (and kept in lower case).
    let own = [("theme", "campaign"), ("colours", "own"), ("accent_color", "#1D4ED8"), ("background_color", "#FFFFFF")];
    let r = t.submit(&look, &look, &[&own[..], &[("go", "next")]].concat()).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(location(&r).ends_with("/wizard/image"), "{}", location(&r));
    let (_, html) = t.get(&look).await;
    assert!(html.contains("name=\"colours\" value=\"own\" checked") && html.contains("value=\"#1d4ed8\""), "{html}");

    // Anything else, posted by hand: refused next to the field, the rest kept.
    let garbage =
        [("theme", "campaign"), ("colours", "own"), ("accent_color", "red; x"), ("background_color", "#ffffff")];
    let r = t.submit(&look, &look, &[&garbage[..], &[("go", "next")]].concat()).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let html = r.into_string().await.unwrap();
    let error =
        "<p class=\"field-error\" id=\"accent_color-error\">Write a colour as # followed by six hexadecimal digits";
    assert!(html.contains(error), "the error by the field: {html}");
    assert!(html.contains("href=\"#accent_color\""), "and in the summary");
    assert!(html.contains("name=\"theme\" value=\"campaign\" checked"), "the theme chosen is kept");

    // The theme's colours: whatever the pickers post is dropped.
    let theme =
        [("theme", "classic"), ("colours", "theme"), ("accent_color", "#000000"), ("background_color", "#000000")];
    let r = t.submit(&look, &look, &[&theme[..], &[("go", "next")]].concat()).await;
    assert_eq!(r.status(), Status::SeeOther);
    let (_, html) = t.get(&look).await;
    assert!(html.contains("name=\"colours\" value=\"theme\" checked") && !html.contains("value=\"#000000\""), "{html}");
}

#[rocket::async_test]
async fn the_wizards_image_step_may_be_skipped_or_used_and_the_review_names_the_owner() {
    let t = TestApp::start().await;
    let base = draft(&t).await;
    let image = format!("{base}/image");
    let (status, html) = t.get(&image).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Step 7 of 8") && html.contains("This step is optional"), "{html}");
    assert!(html.contains(&format!("action=\"{image}/upload\" enctype=\"multipart/form-data\"")), "{html}");

    // Skipped: "next" needs no image.
    let r = t.submit(&image, &image, &[("go", "next")]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert!(location(&r).ends_with("/wizard/review"));
    let (_, review) = t.get(&format!("{base}/review")).await;
    assert!(review.contains("<dt>Owner</dt><dd>alice</dd>"), "the review names the owner: {review}");
    assert!(review.contains("<dt>Image</dt><dd>No image</dd>"), "{review}");

    // Without a description, refused on the step itself.
    let upload = format!("{image}/upload");
    let r = t.upload((&image, &upload), None, &[("image_alt", "")], ("image", "trees.png", &png())).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    assert!(r.into_string().await.unwrap().contains("Step 7 of 8"), "the image step again");

    // Used: uploaded from the step, back to it, and shown on the review.
    let r = t.upload((&image, &upload), None, &[("image_alt", "Young trees")], ("image", "trees.png", &png())).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(location(&r), image);
    let (_, html) = t.get(&image).await;
    assert!(html.contains("alt=\"Young trees\"") && html.contains(&format!("action=\"{image}/remove\"")), "{html}");
    let (_, review) = t.get(&format!("{base}/review")).await;
    assert!(review.contains("class=\"review-image\"") && review.contains("alt=\"Young trees\""), "{review}");

    // And removed again from the step.
    let r = t.submit(&image, &format!("{image}/remove"), &[]).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(t.count("SELECT COUNT(*) FROM petition_images").await, 0);
}

/// A 1200 × 400 picture.
fn png() -> Vec<u8> {
    let picture = image::RgbImage::from_pixel(1200, 400, image::Rgb([30, 120, 60]));
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(picture).write_to(&mut out, image::ImageFormat::Png).expect("encode");
    out.into_inner()
}
