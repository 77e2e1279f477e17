/// What a page is rendered from: a struct made for one template of `Templates/`, with exactly the
/// values it names, typed, rendered through what it encodes (`TemplateValues`: each stored
/// property by its name). A name the template uses is looked for in the innermost section's value
/// and then outwards, a nil optional or a missing name counting as absent (so the search goes on
/// outwards); a Bool opens or closes a section, an array repeats it, and any other value, an empty
/// text included, opens it. `TemplateModelTests` walks every template with an example of its model
/// and checks each name.
protocol PageModel: Encodable {
    /// The template, by its file name in `Templates/` without `.mustache`.
    static var template: String { get }
}
