-- End-to-end test of `preflight lsp` in Neovim (0.7+): open an insecure .tf, wait for the finding,
-- edit the buffer without saving, and see the finding go away. Run by nvim_e2e.sh.
local bin = os.getenv("PREFLIGHT_BIN")
local dir = os.getenv("E2E_DIR")

local function fail(msg)
  io.stderr:write("FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local function has(code)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if d.code == code or lsp.code == code then
      return true
    end
  end
  return false
end

vim.cmd("edit " .. dir .. "/main.tf")
local client = vim.lsp.start_client({ name = "preflight", cmd = { bin, "lsp" }, root_dir = dir })
if not client then
  fail("the client did not start")
end
vim.lsp.buf_attach_client(0, client)

if not vim.wait(30000, function() return has("AWS-S3-001") end, 50) then
  fail("no AWS-S3-001 diagnostic for the public bucket")
end
local first = vim.diagnostic.get(0)[1]
io.stdout:write("diagnostic: " .. first.message .. "\n")

-- Fix it in the buffer only.
local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
for i, l in ipairs(lines) do
  lines[i] = l:gsub("public%-read", "private")
end
vim.api.nvim_buf_set_lines(0, 0, -1, false, lines)
if not vim.bo.modified then
  fail("the buffer should be unsaved")
end
if not vim.wait(30000, function() return not has("AWS-S3-001") end, 50) then
  fail("the diagnostic stayed after the buffer was fixed")
end
io.stdout:write("PASS: diagnostic shown, then cleared after an unsaved edit\n")
vim.lsp.stop_client(client)
vim.cmd("qall!")
