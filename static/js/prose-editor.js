// The site's preset of django-prose-editor: the library's configurable preset, with the
// toolbar's tooltips and menu entries in the labels the Python side sends (cus_site.richtext;
// the library writes them in English in its JavaScript) and the table dialog's "Yes/No" as a
// checkbox. Its dialogs' own texts come from the library's catalogue (the admin's jsi18n).
import * as library from "django-prose-editor/editor"

const ATTRIBUTE = "data-django-prose-editor-cus"

function relabel(item, label) {
  if (item.button) {
    item.button.title = label
    item.button.setAttribute("aria-label", label)
  }
  if (item.option) {
    item.option.textContent = label
  }
}

function menuWithLabels(groups, labels) {
  const build = library.createMenuFromGroups(groups)
  return (context) => {
    for (const { group } of groups) {
      for (const item of context.menu.items(group)) {
        if (labels[item.name]) relabel(item, labels[item.name])
      }
    }
    return build(context)
  }
}

function tableWithDialog(labels) {
  const dialog = library.updateAttrsDialog(
    {
      rows: { type: "number", title: labels.rows, format: "number", default: "3", min: "1", max: "100" },
      cols: { type: "number", title: labels.cols, format: "number", default: "3", min: "1", max: "100" },
      withHeaderRow: { type: "boolean", title: labels.withHeaderRow, default: true },
    },
    { title: labels.title, submitText: labels.submit },
  )
  return library.Table.extend({
    addCommands() {
      return {
        ...this.parent?.(),
        insertTableWithOptions:
          () =>
          ({ editor }) => {
            dialog(editor, {}).then((attrs) => {
              if (attrs) {
                editor
                  .chain()
                  .focus()
                  .insertTable({
                    rows: Number.parseInt(attrs.rows, 10) || 3,
                    cols: Number.parseInt(attrs.cols, 10) || 3,
                    withHeaderRow: attrs.withHeaderRow,
                  })
                  .run()
              }
            })
            return true
          },
      }
    },
  })
}

function extensionsFrom(config) {
  const menu = config.extensions.Menu || {}
  const labels = menu.labels || {}
  const made = []
  for (const [name, options] of Object.entries(config.extensions)) {
    if (name === "Menu") {
      made.push(library.Menu.configure({ groups: menu.groups, items: menuWithLabels(menu.groups, labels) }))
    } else if (name === "Table" && labels.tableDialog) {
      made.push(tableWithDialog(labels.tableDialog))
    } else if (library[name]) {
      made.push(typeof options === "object" ? library[name].configure(options) : library[name])
    }
  }
  return made
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE) || "{}")
  const editor = library.createTextareaEditor(textarea, extensionsFrom(config))
  textarea.dispatchEvent(
    new CustomEvent("prose-editor:ready", { detail: { editor, textarea }, bubbles: true }),
  )
  return editor
}

library.initializeEditors(createEditor, `[${ATTRIBUTE}]`)
